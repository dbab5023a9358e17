import rules

# Reference data is public: anyone, signed in or not, may read it.
rules.add_perm("parties.view_party", rules.always_allow)
rules.add_perm("parties.view_region", rules.always_allow)
