//! Native paths of the backends: [`cpu`] runs faer on zero-copy views of the Cpu storage.

pub mod cpu;
