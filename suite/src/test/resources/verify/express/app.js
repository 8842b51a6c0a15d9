// An API behind the `cors` middleware, configured as the scenario named on the command line.
// Listens on $PORT (default 0: the kernel picks a free one) and prints "listening on PORT" once bound.
'use strict';
const express = require('express');
const cors = require('cors');

const scenario = process.argv[2] || 'correct';
const policy = {
  origin: ['https://app.example.com'],
  methods: ['GET', 'POST', 'PUT'],
  allowedHeaders: ['Content-Type', 'X-Api-Key'],
  exposedHeaders: ['X-Total-Count'],
  credentials: true,
  maxAge: 600
};

const scenarios = {
  // What the policy says, nothing more.
  'correct': (app) => app.use(cors(policy)),
  // origin: true echoes whatever Origin arrives, and without allowedHeaders/methods the request's are echoed too.
  'reflect-any': (app) => app.use(cors({origin: true, credentials: true})),
  // An unanchored regular expression with unescaped dots.
  'sloppy-regex': (app) => app.use(cors({...policy, origin: /https:\/\/app.example.com/})),
  // '*' and credentials together.
  'wildcard-credentials': (app) => app.use(cors({...policy, origin: '*'})),
  // Authentication runs before CORS, so the preflight (which never carries credentials) gets 401.
  // The server ends after its first answer (the suite's start-up check), as a crashing or restarting one does.
  'stops-after-first': (app) => {
    app.use((req, res, next) => {
      res.on('finish', () => process.exit(0));
      next();
    });
    app.use(cors(policy));
  },
  'auth-first': (app) => {
    app.use((req, res, next) => req.get('Authorization') ? next() : res.status(401).send('log in first'));
    app.use(cors(policy));
  }
};

// The cors options the suite suggests for a policy (verify/fixes), read from the module file named after the '='.
if (scenario.startsWith('options-file=')) {
  scenarios[scenario] = (app) => app.use(cors(require(scenario.substring('options-file='.length))));
}

if (!scenarios[scenario]) {
  console.error('unknown scenario ' + scenario + '; known: ' + Object.keys(scenarios).join(', '));
  process.exit(2);
}
const app = express();
scenarios[scenario](app);
app.all('/api/items', (req, res) => {
  res.set('X-Total-Count', '3');
  res.json({items: []});
});
// Never answers: the suite must give up after its timeout.
app.all('/api/hang', () => {});
const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => console.log('listening on ' + server.address().port));
