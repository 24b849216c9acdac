/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WhoAmI {\n    topics(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.WhoAmIDocument,
    "\n  query AllTopics {\n    topics(first: 100, orderBy: { field: LABEL, direction: ASC }) {\n      nodes {\n        key\n        label\n        labelEn\n        parent {\n          label\n          labelEn\n        }\n      }\n    }\n  }\n": typeof types.AllTopicsDocument,
    "\n  query UnitSearch($text: String!) {\n    units(filter: { text: $text }, first: 15, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        key\n        name\n        ancestors {\n          name\n        }\n      }\n    }\n  }\n": typeof types.UnitSearchDocument,
    "\n  query GapOverview($unit: ID, $hasUnit: Boolean!, $listUnit: ID, $codes: [GapCode!]) {\n    list: coordinationGaps(filter: { unit: $listUnit, codes: $codes }, first: 100) {\n      ...GapListPage\n    }\n    total: coordinationGaps(filter: { unit: $unit }) {\n      totalCount\n    }\n    NO_AGREEMENT: coordinationGaps(filter: { unit: $unit, codes: [NO_AGREEMENT] }) {\n      totalCount\n    }\n    AGREEMENT_EXPIRED: coordinationGaps(filter: { unit: $unit, codes: [AGREEMENT_EXPIRED] }) {\n      totalCount\n    }\n    ONE_SIDED: coordinationGaps(filter: { unit: $unit, codes: [ONE_SIDED] }) {\n      totalCount\n    }\n    NO_CONTACT: coordinationGaps(filter: { unit: $unit, codes: [NO_CONTACT] }) {\n      totalCount\n    }\n    selected: unit(id: $unit) @include(if: $hasUnit) {\n      key\n      name\n      ancestors {\n        name\n      }\n      children {\n        key\n        name\n      }\n    }\n    roots: units(filter: { rootsOnly: true, sector: [MUNICIPAL] }, first: 100, orderBy: { field: NAME, direction: ASC }) @skip(if: $hasUnit) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n": typeof types.GapOverviewDocument,
    "\n  fragment GapListPage on CoordinationGapConnection {\n    totalCount\n    nodes {\n      codes\n      messages\n      collaboration {\n        key\n        title\n        kind\n        status\n        startDate\n        endDate\n        units {\n          unit {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.GapListPageFragmentDoc,
    "\n  query WhoWorksWith($unit: ID!, $topic: String!, $activeOn: Date) {\n    unit(id: $unit) {\n      key\n      name\n      ancestors {\n        name\n      }\n    }\n    whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {\n      collaborations {\n        score\n        reasons\n        collaboration {\n          key\n          title\n          kind\n          status\n          startDate\n          endDate\n          agreement {\n            key\n            title\n          }\n          units {\n            role\n            unit {\n              key\n              name\n            }\n          }\n        }\n      }\n      people {\n        score\n        roles\n        person {\n          key\n          name\n          title\n          email\n          phone\n        }\n        collaborations {\n          key\n          title\n        }\n      }\n      units {\n        score\n        unit {\n          key\n          name\n        }\n        collaborations {\n          key\n        }\n      }\n    }\n  }\n": typeof types.WhoWorksWithDocument,
};
const documents: Documents = {
    "\n  query WhoAmI {\n    topics(first: 1) {\n      totalCount\n    }\n  }\n": types.WhoAmIDocument,
    "\n  query AllTopics {\n    topics(first: 100, orderBy: { field: LABEL, direction: ASC }) {\n      nodes {\n        key\n        label\n        labelEn\n        parent {\n          label\n          labelEn\n        }\n      }\n    }\n  }\n": types.AllTopicsDocument,
    "\n  query UnitSearch($text: String!) {\n    units(filter: { text: $text }, first: 15, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        key\n        name\n        ancestors {\n          name\n        }\n      }\n    }\n  }\n": types.UnitSearchDocument,
    "\n  query GapOverview($unit: ID, $hasUnit: Boolean!, $listUnit: ID, $codes: [GapCode!]) {\n    list: coordinationGaps(filter: { unit: $listUnit, codes: $codes }, first: 100) {\n      ...GapListPage\n    }\n    total: coordinationGaps(filter: { unit: $unit }) {\n      totalCount\n    }\n    NO_AGREEMENT: coordinationGaps(filter: { unit: $unit, codes: [NO_AGREEMENT] }) {\n      totalCount\n    }\n    AGREEMENT_EXPIRED: coordinationGaps(filter: { unit: $unit, codes: [AGREEMENT_EXPIRED] }) {\n      totalCount\n    }\n    ONE_SIDED: coordinationGaps(filter: { unit: $unit, codes: [ONE_SIDED] }) {\n      totalCount\n    }\n    NO_CONTACT: coordinationGaps(filter: { unit: $unit, codes: [NO_CONTACT] }) {\n      totalCount\n    }\n    selected: unit(id: $unit) @include(if: $hasUnit) {\n      key\n      name\n      ancestors {\n        name\n      }\n      children {\n        key\n        name\n      }\n    }\n    roots: units(filter: { rootsOnly: true, sector: [MUNICIPAL] }, first: 100, orderBy: { field: NAME, direction: ASC }) @skip(if: $hasUnit) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n": types.GapOverviewDocument,
    "\n  fragment GapListPage on CoordinationGapConnection {\n    totalCount\n    nodes {\n      codes\n      messages\n      collaboration {\n        key\n        title\n        kind\n        status\n        startDate\n        endDate\n        units {\n          unit {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.GapListPageFragmentDoc,
    "\n  query WhoWorksWith($unit: ID!, $topic: String!, $activeOn: Date) {\n    unit(id: $unit) {\n      key\n      name\n      ancestors {\n        name\n      }\n    }\n    whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {\n      collaborations {\n        score\n        reasons\n        collaboration {\n          key\n          title\n          kind\n          status\n          startDate\n          endDate\n          agreement {\n            key\n            title\n          }\n          units {\n            role\n            unit {\n              key\n              name\n            }\n          }\n        }\n      }\n      people {\n        score\n        roles\n        person {\n          key\n          name\n          title\n          email\n          phone\n        }\n        collaborations {\n          key\n          title\n        }\n      }\n      units {\n        score\n        unit {\n          key\n          name\n        }\n        collaborations {\n          key\n        }\n      }\n    }\n  }\n": types.WhoWorksWithDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoAmI {\n    topics(first: 1) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').WhoAmIDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllTopics {\n    topics(first: 100, orderBy: { field: LABEL, direction: ASC }) {\n      nodes {\n        key\n        label\n        labelEn\n        parent {\n          label\n          labelEn\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AllTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitSearch($text: String!) {\n    units(filter: { text: $text }, first: 15, orderBy: { field: NAME, direction: ASC }) {\n      nodes {\n        key\n        name\n        ancestors {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UnitSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GapOverview($unit: ID, $hasUnit: Boolean!, $listUnit: ID, $codes: [GapCode!]) {\n    list: coordinationGaps(filter: { unit: $listUnit, codes: $codes }, first: 100) {\n      ...GapListPage\n    }\n    total: coordinationGaps(filter: { unit: $unit }) {\n      totalCount\n    }\n    NO_AGREEMENT: coordinationGaps(filter: { unit: $unit, codes: [NO_AGREEMENT] }) {\n      totalCount\n    }\n    AGREEMENT_EXPIRED: coordinationGaps(filter: { unit: $unit, codes: [AGREEMENT_EXPIRED] }) {\n      totalCount\n    }\n    ONE_SIDED: coordinationGaps(filter: { unit: $unit, codes: [ONE_SIDED] }) {\n      totalCount\n    }\n    NO_CONTACT: coordinationGaps(filter: { unit: $unit, codes: [NO_CONTACT] }) {\n      totalCount\n    }\n    selected: unit(id: $unit) @include(if: $hasUnit) {\n      key\n      name\n      ancestors {\n        name\n      }\n      children {\n        key\n        name\n      }\n    }\n    roots: units(filter: { rootsOnly: true, sector: [MUNICIPAL] }, first: 100, orderBy: { field: NAME, direction: ASC }) @skip(if: $hasUnit) {\n      nodes {\n        key\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').GapOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GapListPage on CoordinationGapConnection {\n    totalCount\n    nodes {\n      codes\n      messages\n      collaboration {\n        key\n        title\n        kind\n        status\n        startDate\n        endDate\n        units {\n          unit {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GapListPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoWorksWith($unit: ID!, $topic: String!, $activeOn: Date) {\n    unit(id: $unit) {\n      key\n      name\n      ancestors {\n        name\n      }\n    }\n    whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {\n      collaborations {\n        score\n        reasons\n        collaboration {\n          key\n          title\n          kind\n          status\n          startDate\n          endDate\n          agreement {\n            key\n            title\n          }\n          units {\n            role\n            unit {\n              key\n              name\n            }\n          }\n        }\n      }\n      people {\n        score\n        roles\n        person {\n          key\n          name\n          title\n          email\n          phone\n        }\n        collaborations {\n          key\n          title\n        }\n      }\n      units {\n        score\n        unit {\n          key\n          name\n        }\n        collaborations {\n          key\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WhoWorksWithDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
