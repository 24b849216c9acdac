import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from '../modules/agreements/agreement.entity';
import {
  Collaboration,
  CollaborationFunding,
  CollaborationPerson,
  CollaborationTopic,
  CollaborationUnit,
} from '../modules/collaborations/collaboration.entity';
import { DuplicateReview } from '../modules/duplicates/duplicate-review.entity';
import { OverlapReview } from '../modules/analysis/overlap-review.entity';
import { ApiToken } from '../modules/auth/api-token.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Affiliation, Person } from '../modules/people/person.entity';
import { Topic } from '../modules/topics/topic.entity';
import { Unit } from '../modules/units/unit.entity';

export const entities = [
  Topic,
  Unit,
  Person,
  Affiliation,
  Agreement,
  AgreementParty,
  AgreementFocusTopic,
  AgreementContact,
  Collaboration,
  CollaborationUnit,
  CollaborationPerson,
  CollaborationTopic,
  CollaborationFunding,
  OverlapReview,
  DuplicateReview,
  ApiToken,
  AuditEntry,
];
