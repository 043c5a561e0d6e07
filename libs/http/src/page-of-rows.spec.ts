import type { SelectQueryBuilder } from 'typeorm';
import { pageOfRows } from './page-of-rows';

interface Row {
  id: string;
}

/** A query builder that answers `rows` and `total`, and remembers the page it was asked for. */
function builderOf(rows: Row[], total: number): { builder: SelectQueryBuilder<Row>; asked: { take?: number; skip?: number } } {
  const asked: { take?: number; skip?: number } = {};
  const builder = {
    take(n: number) {
      asked.take = n;
      return builder;
    },
    skip(n: number) {
      asked.skip = n;
      return builder;
    },
    getManyAndCount: async () => [rows, total],
  };
  return { builder: builder as unknown as SelectQueryBuilder<Row>, asked };
}

describe('pageOfRows, one page of a list query', () => {
  it('asks for the default page (20 from 0) and answers the total across pages', async () => {
    const { builder, asked } = builderOf([{ id: 'a' }, { id: 'b' }], 57);
    expect(await pageOfRows(builder, {}, (r) => r.id.toUpperCase())).toEqual({ items: ['A', 'B'], total: 57, limit: 20, offset: 0 });
    expect(asked).toEqual({ take: 20, skip: 0 });
  });

  it('asks for the page the query names', async () => {
    const { builder, asked } = builderOf([], 57);
    expect(await pageOfRows(builder, { limit: 5, offset: 55 }, (r) => r.id)).toEqual({ items: [], total: 57, limit: 5, offset: 55 });
    expect(asked).toEqual({ take: 5, skip: 55 });
  });

  it('makes the views one after the other, in the rows order, also when a view reads more', async () => {
    const { builder } = builderOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 3);
    const started: string[] = [];
    let running = 0;
    const page = await pageOfRows(builder, {}, async (r) => {
      running += 1;
      started.push(`${r.id}:${running}`);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return r.id;
    });
    expect(page.items).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a:1', 'b:1', 'c:1']);
  });
});
