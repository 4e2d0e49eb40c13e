#!/usr/bin/env node
// Per-class figures for the holdout5 corpus: runs bench/eval/score.mjs (unchanged) with --json, then
// splits its matches by the labels' `class` (and `form`), and attributes each false positive to the
// hard-negative class of its file (negatives.json), or else to the class of the nearest label in it.
//
//   node bench/holdout5/classes.mjs [--corpus DIR] [--bin PATH] [--json]
import { classesMain } from '../lib/holdout-classes.mjs';

classesMain('holdout5', process.argv.slice(2));
