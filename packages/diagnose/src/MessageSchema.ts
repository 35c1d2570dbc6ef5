/** One problem a message schema found: the library's message and where (path keys). */
export interface MessageIssue {
  readonly message: string;
  readonly path?: readonly PropertyKey[];
}

/**
 * A Standard Schema v1 (https://standardschema.dev), structurally, with a synchronous `validate`:
 * what `typedJson` takes and what a `CodePack`'s `messages` are. Written out here (the spec lets
 * its interface be copied) so that @sockdoc/diagnose depends on no schema library.
 */
export interface MessageSchema<Input, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly MessageIssue[] };
    readonly types?: { readonly input: Input; readonly output: Output };
  };
}
