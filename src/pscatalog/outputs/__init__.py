"""What pscatalog produces for people and programs: reports, pages, exports, statistics."""
