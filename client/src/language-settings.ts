import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

// The server asks for the mtusLint settings of each document (workspace/configuration with its
// URI). The language client answers for the URI alone, which leaves out language-specific
// settings ("[mtus-appeal]": { "mtusLint.rules": ... }); this answers for the open document's
// language too, so a rule can be set for appeal letters only.

type ConfigurationMiddleware = NonNullable<NonNullable<Middleware['workspace']>['configuration']>;

const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export const languageSettings: ConfigurationMiddleware = async (params, token, next) => {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, i) => {
    if (item.section !== 'mtusLint' || !item.scopeUri) return answers[i];
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === item.scopeUri);
    if (!doc) return answers[i];
    return plain(vscode.workspace.getConfiguration(undefined, { uri: doc.uri, languageId: doc.languageId }).get('mtusLint'));
  });
};
