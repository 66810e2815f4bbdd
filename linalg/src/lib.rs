//! \`scipy.linalg\` for xp. Not yet built: this crate is a placeholder so the workspace layout is
//! complete; its functions land with their own issue.
