import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config';
import { dataSourceOptions } from './src/db/data-source';

/**
 * The data source the TypeORM CLI uses (`npm run migration:generate -- Name`), on the database DATABASE_URL names.
 * The server and the `registry` command build theirs from the same options.
 */
export default new DataSource(dataSourceOptions(loadConfig().database));
