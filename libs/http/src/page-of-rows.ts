import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { pageOf, type Page, type PageQuery } from './paging';

/**
 * One page of a list query, the way every list endpoint answers: the query's limit and offset
 * (pageOf), the rows of that page with the total across all pages, each row turned into its view.
 * The caller's builder holds the filters and the stable sort. Views are made one after the other,
 * in the rows' order, since a view may read more through the same connection.
 */
export async function pageOfRows<Row extends ObjectLiteral, View>(builder: SelectQueryBuilder<Row>, query: PageQuery, view: (row: Row) => View | Promise<View>): Promise<Page<View>> {
  const { limit, offset } = pageOf(query);
  const [rows, total] = await builder.take(limit).skip(offset).getManyAndCount();
  const items: View[] = [];
  for (const row of rows) items.push(await view(row));
  return { items, total, limit, offset };
}
