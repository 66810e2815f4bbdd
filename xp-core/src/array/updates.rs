//! TODO(helper): updates
