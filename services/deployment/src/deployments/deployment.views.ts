import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RETURN_TYPES } from '@corridor/events';
import { DEPLOYMENT_LIFECYCLE } from '@corridor/state-machine';
import type { Deployment } from './deployment.entity';

export class DeploymentFlagView {
  @ApiProperty() flagId: string;
  @ApiProperty({ enum: ['arrival-discrepancy', 'missing-arrival', 'permit-expiring', 'permit-expired'] }) kind: string;
  @ApiProperty() detail: string;
  @ApiProperty({ format: 'date' }) raisedOn: string;
}

export class PermitView {
  @ApiProperty() permitId: string;
  @ApiProperty({ example: 'WP-TH-2026-884211' }) permitNumber: string;
  @ApiProperty({ example: 'work-permit-and-visa' }) permitType: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ example: 0 }) extensions: number;
}

export class DeploymentIdentityView {
  @ApiProperty() fullName: string;
  @ApiProperty() fullNameLatin: string;
  @ApiProperty({ example: 'N01234567' }) documentNumber: string;
}

/** A journey's deployment as both ends see it (the destination also sees the identity it was sent, sealed for it). */
export class DeploymentView {
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty() workerId: string;
  @ApiProperty({ example: 'KH' }) origin: string;
  @ApiProperty({ example: 'TH' }) destination: string;
  @ApiProperty({ enum: DEPLOYMENT_LIFECYCLE.states }) status: string;
  @ApiProperty({ enum: DEPLOYMENT_LIFECYCLE.actions, isArray: true, description: 'What the state allows next' }) allowedActions: string[];
  @ApiProperty({ example: 'KH-EC-2026-6F0A1B2C' }) clearanceNumber: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty({ type: String, nullable: true }) revokedReason: string | null;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) departedOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'road' }) means: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedCheckpoint: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) arrivalDueBy: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'KH-TH-POIPET' }) checkpoint: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) crossedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) arrivedOn: string | null;
  @ApiProperty({ type: PermitView, nullable: true }) permit: PermitView | null;
  @ApiProperty({ type: [DeploymentFlagView] }) flags: DeploymentFlagView[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The return that closed it (status returned), recorded by either end' }) returnId: string | null;
  @ApiProperty({ enum: RETURN_TYPES, nullable: true }) returnType: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) returnedOn: string | null;
  @ApiPropertyOptional({ type: DeploymentIdentityView, description: 'Destination only: the identity sealed for it' }) identity?: DeploymentIdentityView;
}

export function deploymentView(d: Deployment, identity?: DeploymentIdentityView): DeploymentView {
  return {
    journeyId: d.journeyId,
    workerId: d.workerId,
    origin: d.origin,
    destination: d.destination,
    status: d.status,
    allowedActions: DEPLOYMENT_LIFECYCLE.allowedActions(d.status),
    clearanceNumber: d.clearanceNumber,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    revokedReason: d.revokedReason,
    employerName: d.employerName,
    departedOn: d.departedOn,
    means: d.means,
    plannedCheckpoint: d.plannedCheckpoint,
    arrivalDueBy: d.arrivalDueBy,
    checkpoint: d.checkpoint,
    crossedOn: d.crossedOn,
    arrivedOn: d.arrivedOn,
    permit: d.permit,
    flags: d.flags,
    returnId: d.returnId,
    returnType: d.returnType,
    returnedOn: d.returnedOn,
    ...(identity ? { identity } : {}),
  };
}

/** Exit clearance granted: the deployment, and the document to print (JWS and its QR code). */
export class ExitClearanceView {
  @ApiProperty({ type: DeploymentView }) deployment: DeploymentView;
  @ApiProperty({ description: 'Compact JWS (EdDSA, the origin node’s key): what the QR code holds' }) document: string;
  @ApiProperty({ description: 'The QR code of the document, an SVG image as a data URL' }) qrCode: string;
  @ApiProperty({ example: 'kh-dev-sign-1' }) keyId: string;
}

export class InsuranceView {
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty() insuranceId: string;
  @ApiProperty({ format: 'date' }) coveredTo: string;
}

export class ArrivalRowResult {
  @ApiProperty({ example: 0, description: 'Index of the row in the request' }) row: number;
  @ApiProperty({ enum: ['accepted', 'refused'] }) outcome: 'accepted' | 'refused';
  @ApiPropertyOptional({ format: 'uuid' }) journeyId?: string;
  @ApiPropertyOptional({ example: 'deployment-not-found', description: 'The problem type slug of a refused row' }) problem?: string;
  @ApiPropertyOptional({ example: 'no deployment of journey … is held here' }) reason?: string;
}

export class ArrivalListView {
  @ApiProperty() nameListId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: 197 }) accepted: number;
  @ApiProperty({ example: 3 }) refused: number;
  @ApiProperty({ type: [ArrivalRowResult] }) rows: ArrivalRowResult[];
}

/** The printed exit clearance: the JWS payload, nothing more (clearance-document.ts). */
export class PrintedClearanceView {
  @ApiProperty({ enum: ['corridor-exit-clearance'] }) typ: string;
  @ApiProperty({ example: 'KH', description: 'Issuing (origin) country' }) iss: string;
  @ApiProperty({ example: 'KH-EC-2026-000123' }) no: string;
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty({ description: 'Name in the national script' }) name: string;
  @ApiProperty({ description: 'Name in Latin script' }) nameLatin: string;
  @ApiProperty() passport: string;
  @ApiProperty({ example: 'TH' }) destination: string;
  @ApiProperty() employer: string;
  @ApiProperty({ example: '2026-12-03' }) validFrom: string;
  @ApiProperty({ example: '2027-03-03' }) validUntil: string;
}

/** What the public verification tells a border officer: nothing beyond what the document prints. */
export class ClearanceCheckView {
  @ApiProperty({ description: 'Signed by this node’s published key and unaltered' }) genuine: boolean;
  @ApiProperty({ description: 'Genuine, issued here, not revoked, within its validity today' }) valid: boolean;
  @ApiProperty({ enum: ['valid', 'revoked', 'expired', 'not-yet-valid', 'unknown', 'forged'] }) status: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ description: 'What the document prints (only when genuine)', type: PrintedClearanceView }) printed?: PrintedClearanceView;
}

export class CheckpointView {
  @ApiProperty({ example: 'KH-TH-POIPET' }) code: string;
  @ApiProperty({ example: 'Poipet–Aranyaprathet' }) name: string;
}
