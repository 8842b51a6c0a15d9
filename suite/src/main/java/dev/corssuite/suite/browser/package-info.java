/**
 * Starting real browsers and talking to them: one {@link dev.corssuite.suite.browser.BrowserSession} per browser,
 * whatever drives it underneath (a WebDriver server or WebDriver BiDi), and finding the drivers to do so without a
 * network wait. Nothing here knows about cases or verdicts.
 */
package dev.corssuite.suite.browser;
