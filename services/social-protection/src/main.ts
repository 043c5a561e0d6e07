import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { SocialProtectionService } from './social-protection.service';

runService(SocialProtectionService);
