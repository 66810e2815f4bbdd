//! TODO(helper): statistical
