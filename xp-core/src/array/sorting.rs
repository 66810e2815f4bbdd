//! TODO(helper): sorting
