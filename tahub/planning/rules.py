import rules

rules.add_perm("planning.view_decision", rules.always_allow)
