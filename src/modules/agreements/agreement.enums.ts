import { registerEnumType } from 'type-graphql';

export enum AgreementKind {
  FRAMEWORK = 'FRAMEWORK',
  COOPERATION = 'COOPERATION',
  INTENT = 'INTENT',
  PRACTICE = 'PRACTICE',
  PROJECT = 'PROJECT',
  PHD = 'PHD',
  OTHER = 'OTHER',
}

export enum AnchoringLevel {
  POLITICAL = 'POLITICAL',
  EXECUTIVE = 'EXECUTIVE',
  FACULTY = 'FACULTY',
  DEPARTMENT = 'DEPARTMENT',
  OPERATIONAL = 'OPERATIONAL',
}

registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  description: 'What kind of agreement (avtale) this is.',
  valuesConfig: {
    FRAMEWORK: { description: 'Framework agreement, e.g. a university municipality agreement (universitetskommuneavtale).' },
    COOPERATION: { description: 'Cooperation agreement (samarbeidsavtale).' },
    INTENT: { description: 'Letter of intent (intensjonsavtale).' },
    PRACTICE: { description: 'Practice placement agreement (praksisavtale).' },
    PROJECT: { description: 'Agreement for one project (prosjektavtale).' },
    PHD: { description: 'Agreement for a PhD position (ph.d.-avtale).' },
    OTHER: { description: 'Other.' },
  },
});

registerEnumType(AnchoringLevel, {
  name: 'AnchoringLevel',
  description: 'At what level an agreement is anchored (forankret).',
  valuesConfig: {
    POLITICAL: { description: 'Political level: municipal council or city government (kommunestyre, byråd).' },
    EXECUTIVE: { description: 'Executive level: chief municipal executive or rector (rådmann/kommunedirektør, rektor).' },
    FACULTY: { description: 'Faculty level (dekan).' },
    DEPARTMENT: { description: 'Department level (instituttleder).' },
    OPERATIONAL: { description: 'Operational level: services and research groups.' },
  },
});
