// Registers the language's own modules (math, random, collections, ...).
import './math';
import './random';
import './collections';
import './itertools';
import './time';
import './misc';
import './warnings';
import './json-string';
import './traceback';
import './contextlib';
