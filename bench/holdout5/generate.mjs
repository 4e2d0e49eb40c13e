#!/usr/bin/env node
// Fourth blind corpus ("corpus 7") for issue 14's classes: encoded values, split values, names not beside
// the value, hard negatives, and plain leaks, written the way they appear in real repositories, logs,
// mails and exports. Written without reading the detector, its rules, its fixtures, its tests or the
// project's other corpora' templates (see README.md).
//
//   node bench/holdout5/generate.mjs [--seed N] [--out DIR] [--quiet]
//
// Writes the files, DIR/labels.json ([{ path, line, kind, value, class, form }]) and DIR/negatives.json
// ([{ path, class }]), then re-reads every file from disk and checks each label against its line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gen, CLASSES, NEG_CLASSES } from './lib/core.mjs';
import { templates as encoded } from './lib/t-encoded.mjs';
import { templates as split } from './lib/t-split.mjs';
import { templates as apart } from './lib/t-apart.mjs';
import { templates as plain } from './lib/t-plain.mjs';
import { templates as negatives } from './lib/t-negatives.mjs';
import { holdoutCorpus } from '../lib/holdout-corpus.mjs';

export { LABELS, NEGATIVES } from '../lib/holdout-corpus.mjs';
export const ALL_TEMPLATES = [...encoded, ...split, ...apart, ...plain, ...negatives];

const corpus = holdoutCorpus({ name: 'holdout5', Gen, CLASSES, NEG_CLASSES, templates: ALL_TEMPLATES });
/** build(seed): the corpus in memory, its labels checked; write(built, out): on disk, read back. */
export const { build, write } = corpus;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) corpus.main(process.argv.slice(2));
