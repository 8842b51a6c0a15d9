// A WebSocket server on the `ws` package, in one of two modes:
//   node server.js check-origin ORIGIN...  opens only handshakes whose Origin is listed (verifyClient: 403 otherwise)
//   node server.js any-origin              opens every handshake (no Origin check: cross-site WebSocket hijacking)
//   node server.js verify-client FILE      checks with the verifyClient module FILE (the suite's suggested fix)
// It binds port 0 on loopback and prints "listening on PORT". Every socket gets "hello" and has its messages echoed.
'use strict';
const http = require('http');
const {WebSocketServer} = require('ws');

const [mode, ...allowed] = process.argv.slice(2);
if (!['check-origin', 'any-origin', 'verify-client'].includes(mode)) {
  console.error('usage: node server.js check-origin ORIGIN... | any-origin | verify-client FILE');
  process.exit(2);
}

const server = http.createServer((req, res) => {
  res.writeHead(426, {'Content-Type': 'text/plain', 'Upgrade': 'websocket'});
  res.end('a WebSocket endpoint\n');
});
const options = {server};
if (mode === 'check-origin') {
  options.verifyClient = (info, done) => done(allowed.includes(info.origin), 403, 'Origin not allowed');
} else if (mode === 'verify-client') {
  options.verifyClient = require(require('path').resolve(allowed[0]));
}
const sockets = new WebSocketServer(options);
sockets.on('connection', (socket) => {
  socket.send('hello');
  socket.on('message', (data, binary) => socket.send(data, {binary}));
});
server.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
