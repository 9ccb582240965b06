echo x |
