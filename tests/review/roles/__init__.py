"""Every admin URL, as each role: exactly what each may reach."""
