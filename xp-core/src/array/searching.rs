//! TODO(helper): searching
