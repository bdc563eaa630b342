import { DataSource } from 'typeorm';
import { ENTITIES } from '../../app/entities';
import { MIGRATIONS } from '../../../../migrations';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source-options';

/** Data source for the TypeORM CLI (`npm run migration:*`), built from the compiled backend. */
export default new DataSource(dataSourceOptions(loadEnv().DATABASE_URL, ENTITIES, MIGRATIONS));
