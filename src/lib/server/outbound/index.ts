/** The outbound guard's public face: build it once from the config and pass it to senders. */

export { classifyAddress, type AddressClass, type AddressKind } from './address-ranges';
export { parseAllowList, type AllowRule } from './allow-list';
export {
	createOutboundGuard,
	OutboundAllowError,
	type LookupAddresses,
	type OutboundGuard,
	type OutboundGuardOptions,
	type ResolveResult
} from './guard';
export { parseIp } from './ip-address';
export {
	describeRefusal,
	findRefusal,
	OutboundRefusedError,
	type OutboundRefusal
} from './refusal';
