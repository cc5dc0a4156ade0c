/** Tests call handlers the way every transport does (schema validation included), without importing a transport from services. */
export { dispatch } from '../../src-main/transports/shared/dispatch';
