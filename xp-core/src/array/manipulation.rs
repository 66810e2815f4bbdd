//! TODO(helper): manipulation
