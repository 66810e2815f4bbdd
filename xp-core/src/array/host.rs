//! TODO(helper): host
