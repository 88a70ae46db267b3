// Preact runs effects "after paint" with requestAnimationFrame plus a 100 ms timeout fallback that
// calls cancelAnimationFrame. When a jsdom test file ends, jsdom's globals go before that timeout
// fires, and the late call throws outside any test. Tests need no real frames: run effects on the
// next macrotask instead.
import { options } from 'preact';

options.requestAnimationFrame = (callback) => void setTimeout(callback, 0);
