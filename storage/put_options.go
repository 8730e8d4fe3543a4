package storage

import "fmt"

// CheckPut validates a Put's key and options the same way in every backend:
// the key, the expected SHA-256, the metadata and the retention mode.
func CheckPut(key string, opts PutOptions) error {
	if err := ValidateKey(key); err != nil {
		return err
	}
	wrap := func(err error) error { return &ObjectError{Op: "put", Key: key, Err: err} }
	if err := ValidateSHA256(opts.SHA256); err != nil {
		return wrap(err)
	}
	if err := ValidateMetadata(opts.Metadata); err != nil {
		return wrap(err)
	}
	if opts.Mode != "" && !opts.Mode.Valid() {
		return wrap(fmt.Errorf("retention mode %q: use GOVERNANCE or COMPLIANCE", opts.Mode))
	}
	return nil
}

// OrDefault is the mode, or Governance when none is given.
func (m RetentionMode) OrDefault() RetentionMode {
	if m == "" {
		return Governance
	}
	return m
}
