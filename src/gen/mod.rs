//! Generator of realistic domestic catalogues (placeholder; being written).
