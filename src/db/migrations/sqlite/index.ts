import { Init1763900000000 } from './1763900000000-Init';
import { CollaborationSearch1763900000001 } from './1763900000001-CollaborationSearch';
import { OverlapReview1763900000002 } from './1763900000002-OverlapReview';
import { ApiToken1763900000003 } from './1763900000003-ApiToken';
import { AuditEntry1763900000004 } from './1763900000004-AuditEntry';
import { SoftDelete1763900000005 } from './1763900000005-SoftDelete';
import { PersonSearchWithoutEmail1763900000010 } from './1763900000010-PersonSearchWithoutEmail';
import { TokenScopeIds1763900000011 } from './1763900000011-TokenScopeIds';
import { DuplicatesAndMerge1763900000012 } from './1763900000012-DuplicatesAndMerge';
import { AnalysisTables1763900000013 } from './1763900000013-AnalysisTables';

/** In order of application; the TypeORM CLI writes new ones beside these (npm run migration:generate). */
export const sqliteMigrations: Function[] = [Init1763900000000, CollaborationSearch1763900000001, OverlapReview1763900000002, ApiToken1763900000003, AuditEntry1763900000004, SoftDelete1763900000005, PersonSearchWithoutEmail1763900000010, TokenScopeIds1763900000011, DuplicatesAndMerge1763900000012, AnalysisTables1763900000013];
