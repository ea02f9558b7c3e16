import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { keepPreparedStatements } from './sqlite-statements';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function database(size?: number): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  keepPreparedStatements(db, size);
  db.prepare('create table letters (id integer primary key, code text)').run();
  return db;
}

describe('prepared statements kept on a SQLite connection', () => {
  it('reuses the statement of the same SQL text and answers as a fresh one would', () => {
    const db = database();
    const insert = db.prepare('insert into letters (code) values (?)');
    expect(db.prepare('insert into letters (code) values (?)')).toBe(insert);
    insert.run('A');
    db.prepare('insert into letters (code) values (?)').run('B');
    expect(db.prepare('select code from letters order by id').all()).toEqual([{ code: 'A' }, { code: 'B' }]);
    expect(db.prepare('select code from letters where code = ?').get('B')).toEqual({ code: 'B' });
  });

  it('keeps the most recently used ones, no more than asked', () => {
    const db = database(2);
    const first = db.prepare('select 1');
    const second = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(first);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(first);
    expect(db.prepare('select 2')).not.toBe(second);
  });

  it('forgets every statement when the schema changes, so a new column is read', () => {
    const db = database();
    db.prepare('insert into letters (code) values (?)').run('A');
    const all = db.prepare('select * from letters');
    expect(all.all()).toEqual([{ id: 1, code: 'A' }]);
    db.prepare('alter table letters add column site text').run();
    expect(db.prepare('select * from letters')).not.toBe(all);
    expect(db.prepare('select * from letters').all()).toEqual([{ id: 1, code: 'A', site: null }]);
  });
});
