import type { z } from 'zod';

/** The structure of an emulator params schema, as far as the parity tests compare it with the SDK. */
export type Accepted =
  | { kind: 'leaf' }
  | { kind: 'record' }
  | { kind: 'array'; element: Accepted }
  | { kind: 'object'; fields: Map<string, Accepted>; strict: boolean };

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Walks a zod schema through its wrappers (optional, preprocess, default, ...) to what it accepts. */
export function acceptedShape(schema: z.ZodType): Accepted {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return acceptedShape(d.innerType!);
    case 'pipe':
      return def(d.out!).type === 'transform' ? acceptedShape(d.in!) : acceptedShape(d.out!);
    case 'array':
      return { kind: 'array', element: acceptedShape(d.element!) };
    case 'record':
      return { kind: 'record' };
    case 'object': {
      const fields = new Map<string, Accepted>();
      for (const [key, value] of Object.entries(d.shape!)) fields.set(key, acceptedShape(value));
      return { kind: 'object', fields, strict: d.catchall !== undefined && def(d.catchall).type === 'never' };
    }
    default:
      return { kind: 'leaf' };
  }
}
