import path from 'node:path';
import ts from 'typescript';

/**
 * What the SDK's TypeScript declarations (`stripe@22.7.0-beta.1`) say a request may carry or a
 * response holds, read with the TypeScript compiler so the parity tests compare the emulator with the
 * SDK itself rather than with a copy of it.
 */
export type Declared =
  | { kind: 'leaf'; types: Set<LeafType>; nullable: boolean }
  | {
      kind: 'object';
      fields: Map<string, Declared>;
      optional: Set<string>;
      /** An index signature (`metadata`): any key. */
      free: boolean;
      /** Also accepts a plain value: an id, `''` to clear, ... */
      leaf: Set<LeafType>;
      nullable: boolean;
    }
  | { kind: 'array'; element: Declared; nullable: boolean };

export type LeafType = 'string' | 'number' | 'boolean';

const RESOURCES = path.resolve(__dirname, '../../../../node_modules/stripe/esm/resources');
const ENTRY = path.join(RESOURCES, '__sdk_declarations__.ts');

/**
 * Reads declarations named `File#Type` under `stripe/esm/resources` (`PaymentIntents#PaymentIntent`,
 * `SharedPayment/IssuedTokens#SharedPayment.IssuedTokenCreateParams`). Only those files and what
 * they import are compiled, not the whole SDK.
 */
export function readDeclarations(specs: string[]): Map<string, Declared> {
  const files = [...new Set(specs.map((spec) => spec.split('#')[0]))];
  const source = [
    ...files.map((file, i) => `import type * as r${i} from './${file}.js';`),
    'export interface Wanted {',
    ...specs.map((spec, i) => {
      const [file, type] = spec.split('#');
      return `  t${i}: r${files.indexOf(file)}.${type};`;
    }),
    '}',
  ].join('\n');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === ENTRY ? source : readFile(file));
  host.fileExists = (
    (exists) => (file: string) =>
      file === ENTRY || exists(file)
  )(host.fileExists.bind(host));
  host.getSourceFile = (file, language, onError, create) =>
    file === ENTRY
      ? ts.createSourceFile(file, source, language)
      : getSourceFile(file, language, onError, create);
  const program = ts.createProgram([ENTRY], options, host);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY)!;
  const wanted = entry.statements.find(ts.isInterfaceDeclaration)!;
  const wantedType = checker.getTypeAtLocation(wanted);
  const out = new Map<string, Declared>();
  specs.forEach((spec, i) => {
    const property = wantedType.getProperty(`t${i}`)!;
    const type = checker.getTypeOfSymbolAtLocation(property, wanted);
    if (type.flags & ts.TypeFlags.Any) throw new Error(`The SDK declares no ${spec}`);
    out.set(spec, describe(checker, type, wanted, 0));
  });
  return out;
}

const MAX_DEPTH = 8;

function describe(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, depth: number): Declared {
  const members = type.isUnion() ? type.types : [type];
  const leaf = new Set<LeafType>();
  let nullable = false;
  const objects: ts.Type[] = [];
  const arrays: ts.Type[] = [];
  for (const member of members) {
    const flags = member.flags;
    if (flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) nullable = true;
    else if (flags & ts.TypeFlags.StringLike) leaf.add('string');
    else if (flags & ts.TypeFlags.NumberLike) leaf.add('number');
    else if (flags & ts.TypeFlags.BooleanLike) leaf.add('boolean');
    else if (checker.isArrayType(member)) arrays.push(member);
    else if (flags & ts.TypeFlags.Object || member.isIntersection()) objects.push(member);
    else leaf.add('string');
  }
  if (arrays.length > 0 && objects.length === 0) {
    const element = checker.getTypeArguments(arrays[0] as ts.TypeReference)[0];
    return { kind: 'array', element: describe(checker, element, at, depth + 1), nullable };
  }
  if (objects.length === 0 || depth >= MAX_DEPTH) return { kind: 'leaf', types: leaf, nullable };
  const fields = new Map<string, Declared>();
  const optional = new Set<string>();
  let free = false;
  for (const object of objects) {
    if (checker.getIndexInfosOfType(object).length > 0) free = true;
    for (const property of checker.getPropertiesOfType(object)) {
      if (property.flags & ts.SymbolFlags.Optional) optional.add(property.name);
      if (fields.has(property.name)) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(property, at);
      fields.set(property.name, describe(checker, propertyType, at, depth + 1));
    }
  }
  return { kind: 'object', fields, optional, free, leaf, nullable };
}
