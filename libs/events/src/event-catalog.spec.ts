import { hasOption } from '@bufbuild/protobuf';
import { CONTRACT_FILES, EVENT_CONTRACTS, UndocumentedEventError, assertDocumentedTopic, assertTopicCarries, catalogProblems, eventContract, parseTopic } from './event-catalog';
import { event as eventOption } from './generated/corridor/v1/options_pb';
import { STAGES, corridorTopic, countryTopic, deadLetterTopic } from './topics';

describe('event registry (read from the (corridor.v1.event) proto option)', () => {
  it('finds the contracts sound: every message is an event with stage, visibility and key, or a part', () => {
    expect(catalogProblems()).toEqual([]);
  });

  it('holds every message that carries the option, and nothing else', () => {
    const marked = CONTRACT_FILES.flatMap((f) => f.messages).filter((m) => hasOption(m, eventOption)).map((m) => m.typeName);
    const types = [...new Set(EVENT_CONTRACTS.map((c) => c.eventType))];
    expect(types.sort()).toEqual(marked.sort());
    expect(types.length).toBe(29);
  });

  it('documents the generic StageCaseOpened once per stage, following its journey', () => {
    const generic = EVENT_CONTRACTS.filter((c) => c.eventType === 'corridor.v1.StageCaseOpened');
    expect(generic.map((c) => c.stage)).toEqual([...STAGES]);
    expect(generic.every((c) => c.visibility === 'follows-journey')).toBe(true);
    expect(() => assertTopicCarries('country.kh.deployment.v1', 'corridor.v1.StageCaseOpened')).not.toThrow();
    expect(() => assertTopicCarries('corridor.kh-th.deployment.v1', 'corridor.v1.StageCaseOpened')).not.toThrow();
    expect(() => assertTopicCarries('corridor.kh-th.deployment.v1.dlq', 'corridor.v1.StageCaseOpened')).toThrow(UndocumentedEventError);
  });

  it('documents the generic AuditHeadSigned once per stage, on corridor topics only, keyed by audit log', () => {
    const generic = EVENT_CONTRACTS.filter((c) => c.eventType === 'corridor.v1.AuditHeadSigned');
    expect(generic.map((c) => c.stage)).toEqual([...STAGES]);
    expect(generic.every((c) => c.visibility === 'corridor' && c.key === 'audit-log')).toBe(true);
    expect(() => assertTopicCarries('corridor.kh-th.contracts.v1', 'corridor.v1.AuditHeadSigned')).not.toThrow();
    expect(() => assertTopicCarries('country.kh.recruitment.v1', 'corridor.v1.AuditHeadSigned')).toThrow(UndocumentedEventError);
  });

  it('reads stage, visibility, key and person data from the options', () => {
    expect(eventContract('corridor.v1.WorkerRegistered')).toMatchObject({ stage: 'recruitment', visibility: 'internal', key: 'journey', carriesPersonData: false, protoFile: 'corridor/v1/recruitment.proto' });
    expect(eventContract('corridor.v1.WorkerMatched')).toMatchObject({ visibility: 'corridor', carriesPersonData: true });
    expect(eventContract('corridor.v1.AgencyRegistered')).toMatchObject({ visibility: 'internal', key: 'agency' });
    expect(eventContract('corridor.v1.FeePaid')).toMatchObject({ visibility: 'follows-journey' });
    expect(eventContract('corridor.v1.ContractDrafted')).toMatchObject({ stage: 'contracts', visibility: 'corridor', protoFile: 'corridor/v1/contracts.proto' });
    expect(eventContract('corridor.v1.PersonData')).toBeUndefined();
    expect(eventContract('corridor.v1.ContractTerms')).toBeUndefined();
  });

  it('lets an event onto the topics its visibility names, and nowhere else', () => {
    expect(() => assertTopicCarries(countryTopic('KH', 'recruitment'), 'corridor.v1.WorkerRegistered')).not.toThrow();
    expect(() => assertTopicCarries(corridorTopic('KH', 'TH', 'recruitment'), 'corridor.v1.WorkerRegistered')).toThrow(UndocumentedEventError);
    expect(() => assertTopicCarries(countryTopic('KH', 'recruitment'), 'corridor.v1.WorkerNominated')).toThrow(UndocumentedEventError);
    expect(() => assertTopicCarries(countryTopic('KH', 'recruitment'), 'corridor.v1.FeePaid')).not.toThrow();
    expect(() => assertTopicCarries(corridorTopic('KH', 'TH', 'recruitment'), 'corridor.v1.FeePaid')).not.toThrow();
    expect(() => assertTopicCarries(corridorTopic('KH', 'TH', 'contracts'), 'corridor.v1.FeePaid')).toThrow(/does not travel on/);
    expect(() => assertTopicCarries(corridorTopic('KH', 'TH', 'recruitment'), 'corridor.v1.ContractTerms')).toThrow(/not an event/);
    expect(() => assertTopicCarries(deadLetterTopic(corridorTopic('KH', 'TH', 'recruitment')), 'corridor.v1.WorkerMatched')).toThrow(/not an event topic/);
    expect(() => assertTopicCarries('corridor.kh-th.holidays.v1', 'corridor.v1.WorkerMatched')).toThrow(/not an event topic/);
  });

  it('parses every topic name the helpers build, dead-letter topics included', () => {
    expect(parseTopic(corridorTopic('CN-YN', 'LA', 'social-protection'))).toEqual({ kind: 'corridor', stage: 'social-protection', origin: 'cn_yn', destination: 'la', deadLetter: false });
    expect(parseTopic(deadLetterTopic(countryTopic('KH', 'contracts')))).toEqual({ kind: 'country', stage: 'contracts', origin: 'kh', deadLetter: true });
    expect(parseTopic('country.kh.recruitment.v2')).toBeUndefined();
    expect(() => assertDocumentedTopic('country.kh.audit.v1')).toThrow(UndocumentedEventError);
  });
});
