//! TODO(helper): indexing
