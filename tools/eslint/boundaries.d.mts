export declare const domainLibraries: string[];
export declare const boundaryRuleOptions: Record<string, unknown>;
