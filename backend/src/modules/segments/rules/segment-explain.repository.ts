import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CUSTOMER_FROM, CUSTOMER_ID, customerScope } from '../../customers/segment-source/customer-sql-vocabulary';

/** Reads the explainer's columns for one (not erased) customer of the workspace ($1). */
@Injectable()
export class SegmentExplainRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The row of `columns` (SQL expressions over `c` and `t`), or undefined when the customer is not there. */
  async customerRow(columns: string[], customerParam: string, params: unknown[]): Promise<Record<string, unknown> | undefined> {
    const select = columns.length ? columns.map((sql, i) => `${sql} AS c${i}`).join(', ') : 'TRUE AS found';
    const [row] = await this.dataSource.query(`SELECT ${select} FROM ${CUSTOMER_FROM} WHERE ${customerScope('$1')} AND ${CUSTOMER_ID} = ${customerParam}::uuid`, params);
    return row;
  }
}
