// kehoach for VS Code: starts `kehoach lsp` for .kh files through
// vscode-languageclient. Highlighting comes from the TextMate grammar
// alone, so it works even where kehoach is not installed.
'use strict';
const vscode = require('vscode');

// Installed by `npm install` in this folder; without it, highlighting only.
let LanguageClient;
try {
	({ LanguageClient } = require('vscode-languageclient/node'));
} catch (e) {
	LanguageClient = null;
}

let client;

function serverOptions() {
	const config = vscode.workspace.getConfiguration('kehoach');
	const args = ['lsp'];
	const stdlib = config.get('stdlib');
	if (stdlib)
		args.push('--stdlib', stdlib);
	for (const root of config.get('roots') || [])
		args.push('--root', root);
	const server = { command: config.get('path') || 'kehoach', args };
	return { run: server, debug: server };
}

function activate(context) {
	if (!LanguageClient) {
		vscode.window.showWarningMessage('kehoach: run `npm install` in the extension folder ' +
			'for the language server (findings, completion, hover, definition).');
		return undefined;
	}
	client = new LanguageClient('kehoach', 'kehoach', serverOptions(), {
		documentSelector: [
			{ scheme: 'file', language: 'kehoach' },
			{ scheme: 'untitled', language: 'kehoach' },
		],
	});
	context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
		if (e.affectsConfiguration('kehoach') && client)
			vscode.window.showInformationMessage('kehoach: reload the window to use the new settings.');
	}));
	return client.start();
}

function deactivate() {
	return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
