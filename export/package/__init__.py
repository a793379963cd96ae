"""The submission package for the ministry: files, manifest, ZIP (split when too large), e-mail draft, verify."""
