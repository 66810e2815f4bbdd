//! TODO(helper): creation
