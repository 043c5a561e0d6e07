// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { SocialProtectionService, createSocialProtectionApp } from './social-protection.service';
export { GRIEVANCE_CATEGORIES } from './shared/protection-policy';
