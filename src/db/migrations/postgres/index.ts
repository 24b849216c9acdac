import { Init1763900000000 } from './1763900000000-Init';
import { CollaborationSearch1763900000001 } from './1763900000001-CollaborationSearch';
import { RateLimitBucket1763900000002 } from './1763900000002-RateLimitBucket';
import { PersonSearchWithoutEmail1763900000010 } from './1763900000010-PersonSearchWithoutEmail';
import { TokenScopeIds1763900000011 } from './1763900000011-TokenScopeIds';
import { DuplicatesAndMerge1763900000012 } from './1763900000012-DuplicatesAndMerge';
import { AnalysisTables1763900000013 } from './1763900000013-AnalysisTables';

/** In order of application; generated per database (npm run migration:generate with a postgres DATABASE_URL). */
export const postgresMigrations: Function[] = [Init1763900000000, CollaborationSearch1763900000001, RateLimitBucket1763900000002, PersonSearchWithoutEmail1763900000010, TokenScopeIds1763900000011, DuplicatesAndMerge1763900000012, AnalysisTables1763900000013];
