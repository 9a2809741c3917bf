// "BAES: Scaffold Entity…": a sentence, or the entity step by step; the server generates the
// files (`baes.scaffoldEntity`), which are then saved, shown in the explorer and opened. A sentence
// is first sent as a dry run: what was understood is shown, and nothing is written until accepted.
import * as vscode from 'vscode';
import { SERVER_COMMANDS } from '../core/ids';
import {
  ATTRIBUTE_TYPES,
  filesToOpen,
  parseScaffoldResult,
  scaffoldFromEntity,
  scaffoldFromSentence,
  validateAttributeName,
  validateEntityName,
  validateIdentifier,
  type AttributeInput,
  type EntityInput,
  type RelationshipInput,
  type ScaffoldArguments,
} from '../core/scaffold';
import {
  applyEdit,
  describePreview,
  editTargets,
  entityFromSpec,
  parsePreview,
  previewChoices,
  type Preview,
  type PreviewAction,
  type RecognizedSpec,
} from '../core/scaffoldPreview';
import { errorMessage } from '../core/values';
import type { ServerManager } from '../vscode/serverManager';

const MAX_FILES_OPENED = 6;

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('BAES: open a folder first: the entity files are generated into a workspace folder.');
    return undefined;
  }
  if (folders.length === 1) {
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to generate the entity into' });
}

async function askSentence(value?: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'BAES: Scaffold Entity',
    prompt: 'Describe the entity to create (or extend)',
    placeHolder: 'e.g. create a Book with title, author and year',
    value,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Describe the entity, e.g. "create a Student with name and email".' : undefined),
  });
}

async function askAttribute(existing: readonly string[]): Promise<AttributeInput | 'done' | undefined> {
  const name = await vscode.window.showInputBox({
    title: `BAES: Scaffold Entity: attribute ${existing.length + 1}`,
    prompt: 'Attribute name (leave empty when done)',
    placeHolder: 'e.g. title',
    ignoreFocusOut: true,
    validateInput: (value) => validateAttributeName(value, existing),
  });
  if (name === undefined) {
    return undefined;
  }
  if (name.trim() === '') {
    return 'done';
  }
  const type = await vscode.window.showQuickPick(
    ATTRIBUTE_TYPES.map((entry) => ({ label: entry.type, description: entry.description })),
    { title: `BAES: type of "${name.trim()}"`, placeHolder: 'Attribute type', ignoreFocusOut: true },
  );
  if (type === undefined) {
    return undefined;
  }
  const required = await vscode.window.showQuickPick(
    [
      { label: 'Required', value: true },
      { label: 'Optional', value: false },
    ],
    { title: `BAES: is "${name.trim()}" required?`, ignoreFocusOut: true },
  );
  if (required === undefined) {
    return undefined;
  }
  return { name: name.trim(), type: type.label, required: required.value };
}

async function askRelationship(entity: string, count: number): Promise<RelationshipInput | 'done' | undefined> {
  const target = await vscode.window.showInputBox({
    title: `BAES: Scaffold Entity: reference ${count + 1}`,
    prompt: `Another entity that ${entity} references through <entity>_id (leave empty when done)`,
    placeHolder: 'e.g. Author',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? undefined : validateIdentifier(value, 'related entity name')),
  });
  if (target === undefined) {
    return undefined;
  }
  if (target.trim() === '') {
    return 'done';
  }
  return { target: target.trim(), required: true };
}

async function askEntity(): Promise<EntityInput | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'BAES: Scaffold Entity',
    prompt: 'Entity name',
    placeHolder: 'e.g. Book',
    ignoreFocusOut: true,
    validateInput: validateEntityName,
  });
  if (name === undefined) {
    return undefined;
  }
  const entity: EntityInput = { name: name.trim(), attributes: [], relationships: [] };
  for (;;) {
    const attribute = await askAttribute(entity.attributes.map((item) => item.name));
    if (attribute === undefined) {
      return undefined;
    }
    if (attribute === 'done') {
      break;
    }
    entity.attributes.push(attribute);
  }
  for (;;) {
    const relationship = await askRelationship(entity.name, entity.relationships.length);
    if (relationship === undefined) {
      return undefined;
    }
    if (relationship === 'done') {
      break;
    }
    entity.relationships.push(relationship);
  }
  return entity;
}

async function askArguments(folder: vscode.WorkspaceFolder): Promise<ScaffoldArguments | undefined> {
  const mode = await vscode.window.showQuickPick(
    [
      { label: '$(comment) Describe it in a sentence', detail: '"create a Book with title, author and year"', value: 'sentence' as const },
      { label: '$(list-ordered) Step by step', detail: 'Entity name, then each attribute with its type', value: 'steps' as const },
    ],
    { title: 'BAES: Scaffold Entity', placeHolder: 'How do you want to describe the entity?', ignoreFocusOut: true },
  );
  if (mode === undefined) {
    return undefined;
  }
  if (mode.value === 'sentence') {
    const sentence = await askSentence();
    return sentence === undefined ? undefined : scaffoldFromSentence(sentence, folder.uri.toString());
  }
  const entity = await askEntity();
  return entity === undefined ? undefined : scaffoldFromEntity(entity, folder.uri.toString());
}

/** Saves generated documents left unsaved by the server's workspace edit, then opens the first few. */
async function openGenerated(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === file);
    if (document?.isDirty) {
      await document.save();
    }
  }
  const shown = filesToOpen(files, MAX_FILES_OPENED);
  for (const [index, file] of shown.entries()) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    await vscode.window.showTextDocument(document, { preview: false, preserveFocus: index > 0 });
  }
  const first = shown[0];
  if (first !== undefined) {
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(first));
  }
}

/** The server's dry run of a sentence: what it understood and the files it would write. */
async function dryRun(server: ServerManager, args: ScaffoldArguments): Promise<Preview | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `BAES: reading "${args.request ?? ''}"…`, cancellable: false },
    async () => parsePreview(await server.executeCommand(SERVER_COMMANDS.scaffoldEntity, { ...args, dry_run: true })),
  );
}

/**
 * Shows the recognized change with the allowed choices; undefined when dismissed. The choices come
 * first (Enter accepts); each line of what was understood is an item of its own below them, because
 * consecutive separators collapse into one and would hide all but the last line. Picking such a line
 * shows the list again.
 */
async function askDecision(preview: Preview): Promise<PreviewAction | undefined> {
  type Item = vscode.QuickPickItem & { action?: PreviewAction };
  const choices: Item[] = previewChoices(preview).map((choice) => ({ label: choice.label, detail: choice.detail, action: choice.action }));
  const understood: Item[] = [
    { label: 'what was understood', kind: vscode.QuickPickItemKind.Separator },
    ...describePreview(preview).map((line) => ({ label: `$(info) ${line}` })),
    ...preview.errors.map((error) => ({ label: `$(warning) cannot do this yet: ${error}` })),
  ];
  for (;;) {
    const picked = await vscode.window.showQuickPick<Item>([...choices, ...understood], {
      title: `BAES: Scaffold Entity: understood "${describePreview(preview)[0]}"`,
      placeHolder: preview.ok ? 'Check what was understood below, then accept, edit or cancel' : 'This change cannot be made yet',
      ignoreFocusOut: true,
    });
    if (picked === undefined || picked.action !== undefined) {
      return picked?.action;
    }
  }
}

/** Lets the user change the entity's name or one attribute's name and type; undefined when cancelled. */
async function editSpec(spec: RecognizedSpec): Promise<RecognizedSpec | undefined> {
  const target = await vscode.window.showQuickPick(
    editTargets(spec).map((entry) => ({ label: entry.label, description: entry.description, index: entry.index })),
    { title: 'BAES: edit which name or type?', ignoreFocusOut: true },
  );
  if (target === undefined) {
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: target.index < 0 ? 'BAES: entity name' : `BAES: name of "${target.label}"`,
    value: target.label,
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        applyEdit(spec, target.index, value);
        return undefined;
      } catch (error) {
        return errorMessage(error);
      }
    },
  });
  if (name === undefined) {
    return undefined;
  }
  if (target.index < 0) {
    return applyEdit(spec, target.index, name);
  }
  const type = await vscode.window.showQuickPick(
    ATTRIBUTE_TYPES.map((entry) => ({ label: entry.type, description: entry.description, picked: entry.type === spec.attributes[target.index]?.type })),
    { title: `BAES: type of "${name.trim()}"`, placeHolder: `now ${spec.attributes[target.index]?.type ?? 'str'}`, ignoreFocusOut: true },
  );
  return type === undefined ? undefined : applyEdit(spec, target.index, name, type.label);
}

/**
 * For a sentence: the dry run's preview until the user accepts (the arguments to apply), rephrases
 * (a new dry run) or cancels (undefined). Edited names or types are sent as the entity itself.
 */
async function confirmSentence(server: ServerManager, folder: vscode.WorkspaceFolder, first: ScaffoldArguments): Promise<ScaffoldArguments | undefined> {
  let args = first;
  for (;;) {
    const preview = await dryRun(server, args);
    if (preview === undefined) {
      return args; // a server without previews: apply as before
    }
    let spec = preview.spec;
    let action = await askDecision(preview);
    while (action === 'edit') {
      const edited = await editSpec(spec);
      if (edited === undefined) {
        return undefined;
      }
      spec = edited;
      action = await askDecision({ ...preview, spec, files: preview.files });
    }
    if (action === 'accept') {
      return spec === preview.spec ? args : scaffoldFromEntity(entityFromSpec(spec), folder.uri.toString());
    }
    if (action !== 'rephrase') {
      return undefined;
    }
    const sentence = await askSentence(args.request);
    if (sentence === undefined) {
      return undefined;
    }
    args = scaffoldFromSentence(sentence, folder.uri.toString());
  }
}

export async function scaffoldEntity(server: ServerManager, log: vscode.LogOutputChannel): Promise<void> {
  const folder = await pickFolder();
  if (folder === undefined) {
    return;
  }
  let args = await askArguments(folder);
  if (args === undefined) {
    return;
  }
  const sentence = args.request;
  if (sentence !== undefined) {
    try {
      args = await confirmSentence(server, folder, args);
    } catch (error) {
      const message = errorMessage(error);
      log.error(`Scaffold preview "${sentence}": ${message}`);
      void vscode.window.showErrorMessage(`BAES: could not read "${sentence}": ${message}`);
      return;
    }
    if (args === undefined) {
      return;
    }
  }
  const what = args.entity?.name ?? `"${args.request ?? ''}"`;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `BAES: scaffolding ${what}…`, cancellable: false },
      async (progress) => {
        progress.report({ message: 'generating the files' });
        const answer = parseScaffoldResult(await server.executeCommand(SERVER_COMMANDS.scaffoldEntity, args));
        progress.report({ message: `opening ${answer.files.length} files` });
        await openGenerated(answer.files);
        return answer;
      },
    );
    for (const note of result.notes) {
      log.info(`Scaffold: ${note}`);
    }
    const entity = result.entity ?? what;
    const names = result.files.map((file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file), false));
    log.info(`Scaffold ${entity}: ${names.join(', ')}`);
    const notes = result.notes.length > 0 ? ` ${result.notes.join(' ')}` : '';
    void vscode.window.showInformationMessage(
      result.files.length === 0 ? `BAES: nothing to generate for ${entity}.${notes}` : `BAES: generated ${result.files.length} files for ${entity}.${notes}`,
    );
  } catch (error) {
    const message = errorMessage(error);
    log.error(`Scaffold ${what}: ${message}`);
    void vscode.window.showErrorMessage(`BAES: could not scaffold ${what}: ${message}`);
  }
}
