if true; then if false; then echo no; else echo nested-else; fi; fi
