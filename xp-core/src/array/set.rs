//! TODO(helper): set
