import { PGlite, protocol, type QueryOptions } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindAndExecute, createPglite } from './pglite';

/**
 * Aisle's PGlite sends each query in one protocol message; these tests hold it to the answers of
 * PGlite's own query path (a plain client created with the same parsers).
 */
describe('PGlite with one-trip queries', () => {
  let tuned: PGlite;
  let plain: PGlite;
  const setup = `create table things (id serial primary key, name text not null unique, price bigint, tags text[], doc jsonb, raw json, flag boolean, at timestamptz, day date)`;

  beforeAll(async () => {
    tuned = await createPglite();
    plain = await PGlite.create({ parsers: tuned.parsers });
    for (const client of [tuned, plain]) await client.exec(setup);
  });
  afterAll(async () => {
    await Promise.all([tuned?.close(), plain?.close()]);
  });

  const cases: Array<[string, string, unknown[]]> = [
    [
      'text, bigint, boolean, null',
      `insert into things (name, price, flag, doc) values ($1, $2, $3, $4) returning *`,
      ['kettle', 4999, true, null],
    ],
    [
      'json and jsonb given as objects and as text',
      `insert into things (name, doc, raw) values ($1, $2, $3) returning doc, raw`,
      ['mug', { a: [1, 2], b: 'ü' }, '{"x": 1}'],
    ],
    [
      'a text array',
      `insert into things (name, tags) values ($1, $2) returning tags`,
      ['cup', ['a', 'b c', 'd"e']],
    ],
    [
      'dates given as Date and as text',
      `insert into things (name, at, day) values ($1, $2, $3) returning at, day`,
      ['pot', new Date('2026-11-27T10:00:00Z'), '2026-11-27'],
    ],
    ['untyped parameters', `select $1 as a, $2::int + 1 as b`, ['hello', '41']],
    ['no rows', `select * from things where name = $1`, ['nothing']],
    ['an update count', `update things set price = price + $1 where price is not null`, [1]],
    ['bytes', `select $1::bytea as b, octet_length($1::bytea) as n`, [new Uint8Array([0, 1, 2, 250, 255])]],
    [
      'long text with characters of every UTF-8 width',
      `select $1::text as t, $2::text as u, length($1) as n`,
      ['añ€😀'.repeat(3000), ''],
    ],
  ];

  it.each(cases)('answers as PGlite does: %s', async (_name, text, params) => {
    const [ours, theirs] = await Promise.all([tuned.query(text, params), plain.query(text, params)]);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.fields).toEqual(theirs.fields);
    expect(ours.affectedRows).toBe(theirs.affectedRows);
  });

  it('sends a value a serializer gives as bytes in binary, as PGlite does', async () => {
    const text = `select $1::bytea as b, octet_length($1::bytea) as n`;
    const options = {
      serializers: { 17: (value: unknown) => value as Uint8Array },
    } as unknown as QueryOptions;
    const bytes = [new Uint8Array([0, 1, 2, 250, 255])];
    const [ours, theirs] = await Promise.all([
      tuned.query(text, bytes, options),
      plain.query(text, bytes, options),
    ]);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.rows).toEqual([{ b: new Uint8Array([0, 1, 2, 250, 255]), n: 5 }]);
  });

  it('answers in array mode as PGlite does', async () => {
    const text = `select name, price from things order by id`;
    expect((await tuned.query(text, [], { rowMode: 'array' })).rows).toEqual(
      (await plain.query(text, [], { rowMode: 'array' })).rows,
    );
  });

  it('raises the same database error, carrying the query, and keeps working after it', async () => {
    const text = `insert into things (name) values ($1)`;
    const failure = (client: PGlite) =>
      client.query(text, ['kettle']).then(
        () => expect.unreachable(),
        (e: { code: string; message: string; query: string }) => e,
      );
    const [ours, theirs] = await Promise.all([failure(tuned), failure(plain)]);
    expect(ours.code).toBe('23505');
    expect(ours.message).toBe(theirs.message);
    expect(ours.query).toBe(text);
    await expect(tuned.query(`select $1::text as ok`, ['yes'])).resolves.toMatchObject({
      rows: [{ ok: 'yes' }],
    });
    await expect(tuned.query(`select * from no_such_table where id = $1`, [1])).rejects.toMatchObject({
      code: '42P01',
    });
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      tuned.transaction(async (tx) => {
        await tx.query(`insert into things (name) values ($1)`, ['teapot']);
        await tx.query(`insert into things (name) values ($1)`, ['teapot']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(
      (await tuned.query(`select count(*)::int as n from things where name = $1`, ['teapot'])).rows,
    ).toEqual([{ n: 0 }]);
  });

  it('keeps other queries out of an open transaction until it commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = tuned.transaction(async (tx) => {
      await tx.query(`insert into things (name) values ($1)`, ['whisk']);
      await held;
      await tx.query(`update things set price = $1 where name = $2`, [700, 'whisk']);
    });
    const outside = tuned.query<{ price: number | null }>(`select price from things where name = $1`, [
      'whisk',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await transaction;
    expect((await outside).rows).toEqual([{ price: 700 }]);
  });

  it('sees a table change made after a statement was prepared, by query and by script', async () => {
    await tuned.query(`create table shelves (id int primary key)`);
    await tuned.query(`insert into shelves values ($1)`, [1]);
    const read = () => tuned.query(`select * from shelves where id = $1`, [1]);
    expect((await read()).rows).toEqual([{ id: 1 }]);
    await tuned.query(`alter table shelves add column label text default 'top'`);
    expect((await read()).rows).toEqual([{ id: 1, label: 'top' }]);
    await tuned.exec(`alter table shelves add column depth int default 30`);
    expect((await read()).rows).toEqual([{ id: 1, label: 'top', depth: 30 }]);
  });

  it('runs the same statement many times with other values', async () => {
    for (let i = 0; i < 50; i++)
      await tuned.query(`insert into things (name, price) values ($1, $2)`, [`spoon ${i}`, i]);
    const { rows } = await tuned.query<{ n: number; sum: string }>(
      `select count(*)::int as n, sum(price)::text as sum from things where name like $1`,
      ['spoon %'],
    );
    expect(rows).toEqual([{ n: 50, sum: String((49 * 50) / 2) }]);
  });

  it('refuses a query on a transaction that has ended', async () => {
    let kept: { query: PGlite['query'] } | undefined;
    await tuned.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.query(`select 1`)).rejects.toThrow(/closed/i);
  });

  it('writes the same bytes as PGlite’s own protocol writer', () => {
    const { serialize } = protocol;
    const values = ['plain', null, 'añ€😀'.repeat(500), '', new Uint8Array([0, 255, 7])];
    for (const statement of ['aisle_12', '']) {
      const parts = [
        serialize.bind({ statement, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ];
      expect(Buffer.from(bindAndExecute(statement, values))).toEqual(Buffer.concat(parts));
    }
  });
});
