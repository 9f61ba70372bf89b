import * as z from 'zod/mini';

// zod/mini (the tree-shakable build of zod, a fifth of the classic one in a bundle) words no
// message until a locale is set: every issue would read "Invalid input". The classic build set
// English by itself, and the messages of a bad knowledge file, .mtuslintrc.json or stored Drug
// List quote it, so each module that declares a schema imports this one for its effect. The
// bundles hold English alone (zodEnglishOnly in scripts/bundle-plugins.mjs).
z.config(z.locales.en());
